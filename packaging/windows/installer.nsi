; The Windows installer of Tổ tự quản ANTT, built on Debian by scripts/package.sh with
; Debian's makensis (3.08). Per user, into %LOCALAPPDATA%\Programs, no administrator
; rights: office PCs often have none. Its pages are in Vietnamese. It downloads nothing.
;
; makensis -DVERSION=0.1.0 -DSRC=<folder with the exes, the DLL and the icon> -DOUTFILE=<setup.exe> installer.nsi

Unicode true
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma
; ttq.exe and ttq-desktop.exe share most of their bytes (the core, fonts, the list of
; communes): a dictionary larger than both lets the second cost little.
SetCompressorDictSize 64
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is required: makensis -DVERSION=…"
!endif
!ifndef SRC
  !error "SRC is required: the folder with ttq-desktop.exe, ttq.exe, WebView2Loader.dll and icon.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "to-tu-quan-antt-${VERSION}-setup.exe"
!endif

!define APPNAME "Tổ tự quản ANTT"
!define APPID "vn.ttq.app"
!define PUBLISHER "Tổ tự quản ANTT"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
; Edge WebView2 Runtime's client id, as Microsoft documents for detecting the runtime.
!define WEBVIEW2 "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APPNAME}"
Caption "Cài đặt ${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
; Upgrades go where the last install went, keeping the data (which is not in this folder).
InstallDirRegKey HKCU "Software\${APPID}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "Bộ cài đặt ${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!define MUI_ICON "${SRC}\icon.ico"
!define MUI_UNICON "${SRC}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APPNAME} ${VERSION} cho riêng tài khoản này trên máy, không cần quyền quản trị.$\r$\n$\r$\nNếu máy đã có bản cũ, bản mới được cài đè lên; dữ liệu của tổ vẫn giữ nguyên.$\r$\n$\r$\nHãy đóng ${APPNAME} nếu đang mở, rồi bấm Tiếp theo."
!define MUI_FINISHPAGE_RUN "$INSTDIR\ttq-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APPNAME} sẽ được gỡ khỏi máy. Dữ liệu của tổ (thư mục $APPDATA\${APPID}) được giữ lại, trừ khi bạn đánh dấu xóa ở bước sau."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  ; The app's window is drawn by Microsoft Edge WebView2, part of Windows 10 and 11.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ; A silent install (an administrator's script) goes on; the app then says it cannot open.
    ${IfNot} ${Silent}
      MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "Máy này chưa có Microsoft Edge WebView2 Runtime, phần Windows dùng để hiện cửa sổ của ${APPNAME}. Windows 10 và 11 thường có sẵn.$\r$\n$\r$\nHãy nhờ người quản lý máy cài “Microsoft Edge WebView2 Runtime” (miễn phí, tại trang developer.microsoft.com/microsoft-edge/webview2), rồi mở lại ứng dụng.$\r$\n$\r$\nBấm OK để vẫn cài tiếp, Cancel để dừng." IDOK webview2_ok
      Abort
      webview2_ok:
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "!${APPNAME}" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "${SRC}\ttq-desktop.exe"
  File "${SRC}\ttq.exe"
  File "${SRC}\WebView2Loader.dll"
  File "${SRC}\icon.ico"
  WriteUninstaller "$INSTDIR\Gỡ cài đặt.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\ttq-desktop.exe" "" "$INSTDIR\icon.ico"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\ttq-desktop.exe" "" "$INSTDIR\icon.ico"

  WriteRegStr HKCU "Software\${APPID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Gỡ cài đặt.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Gỡ cài đặt.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "un.${APPNAME}" UnSecApp
  SectionIn RO
  Delete "$INSTDIR\ttq-desktop.exe"
  Delete "$INSTDIR\ttq.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\Gỡ cài đặt.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPID}"
SectionEnd

; Unticked unless the user ticks it: the group's records outlive the program.
Section /o "un.Xóa cả dữ liệu của tổ" UnSecData
  RMDir /r "$APPDATA\${APPID}"
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecApp} "Gỡ chương trình, lối tắt ngoài màn hình và trong menu Start."
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} "Xóa luôn thư mục dữ liệu $APPDATA\${APPID} (không lấy lại được): tổ viên, sổ vụ việc, lịch tuần tra và các bản sao lưu trên máy. Chỉ đánh dấu khi đã sao lưu ra USB hoặc không còn cần."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
