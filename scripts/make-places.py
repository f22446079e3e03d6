#!/usr/bin/env python3
"""Generate src/places/places.tsv, the national list of provinces and communes.

Source: the PyPI package `vietnam-provinces`, version 2025.10.1, whose bundled
data has data version 2025-10-18 (its `__data_version__`). That data is the
list after the 2025 reorganisation, following QĐ 19/2025/QĐ-TTg: 34
provinces and centrally-run cities, 3,321 communes, wards and special zones.

Run from the repository root, in any Python 3.10+ environment:

    pip install vietnam-provinces==2025.10.1
    python3 scripts/make-places.py

The script stops with an error if another version of the package (or of its
data) is installed, so the output only changes when this file is changed.

Output format (UTF-8, NFC, LF line endings, tab-separated):

    # ... comment lines: source, data version, counts, "do not edit"
    P<TAB><province code, 2 digits><TAB><full name, e.g. Tỉnh Quảng Ninh>
    C<TAB><commune code, 5 digits><TAB><full name, e.g. Phường Quảng Yên>
    C ...
    P ...

Provinces are sorted by code, each followed right away by its communes sorted
by code. Codes are the official ones, zero-padded the official way (the
package stores them as integers; its enums spell them P_01 and W_00004).

Two things are added to what the package gives, both for the names only:
  * the package names provinces without their kind ("Quảng Ninh"), and only
    the centrally-run cities carry "Thành phố"; provinces get "Tỉnh " here,
    as in the official list.
  * a few commune names in the package have a doubled space after their kind
    ("Xã  Phú Hữu"); runs of whitespace are collapsed to one space.
Everything else (hyphens, the one en dash, apostrophes) is kept as given.
"""

import json
import sys
import unicodedata
from pathlib import Path

PACKAGE = "vietnam-provinces"
PACKAGE_VERSION = "2025.10.1"
DATA_VERSION = "2025-10-18"
EXPECTED_PROVINCES = 34
EXPECTED_COMMUNES = 3321

# Division kinds as the package spells them, and the word(s) a full name
# starts with for each.
PROVINCE_KINDS = {"tỉnh": "Tỉnh", "thành phố trung ương": "Thành phố"}
COMMUNE_KINDS = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "places" / "places.tsv"


def fail(message):
    sys.exit(f"make-places: {message}")


def clean(name):
    """NFC, with runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def province_name(province):
    name = clean(province["name"])
    kind = PROVINCE_KINDS.get(province["division_type"])
    if kind is None:
        fail(f"province {province['code']}: unknown kind {province['division_type']!r}")
    if not name.startswith(kind + " "):
        name = f"{kind} {name}"
    return name


def commune_name(commune):
    name = clean(commune["name"])
    kind = COMMUNE_KINDS.get(commune["division_type"])
    if kind is None:
        fail(f"commune {commune['code']}: unknown kind {commune['division_type']!r}")
    if not name.startswith(kind + " "):
        fail(f"commune {commune['code']}: name {name!r} does not start with {kind!r}")
    return name


def main():
    try:
        import vietnam_provinces
    except ModuleNotFoundError:
        fail(f"install the source first: pip install {PACKAGE}=={PACKAGE_VERSION}")
    if vietnam_provinces.__version__ != PACKAGE_VERSION:
        fail(f"{PACKAGE} {vietnam_provinces.__version__} is installed, need {PACKAGE_VERSION}")
    if vietnam_provinces.__data_version__ != DATA_VERSION:
        fail(f"data version {vietnam_provinces.__data_version__}, need {DATA_VERSION}")

    # The nested JSON is the package's documented data file: a list of
    # provinces, each with name, code (int), division_type and "wards".
    provinces = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))

    body = []
    province_codes = set()
    commune_codes = set()
    for province in sorted(provinces, key=lambda p: p["code"]):
        code = province["code"]
        if not 0 < code < 100 or code in province_codes:
            fail(f"bad or repeated province code {code}")
        province_codes.add(code)
        body.append(f"P\t{code:02d}\t{province_name(province)}")
        for commune in sorted(province["wards"], key=lambda c: c["code"]):
            ccode = commune["code"]
            if not 0 < ccode < 100000 or ccode in commune_codes:
                fail(f"bad or repeated commune code {ccode}")
            commune_codes.add(ccode)
            body.append(f"C\t{ccode:05d}\t{commune_name(commune)}")

    if len(province_codes) != EXPECTED_PROVINCES or len(commune_codes) != EXPECTED_COMMUNES:
        fail(
            f"{len(province_codes)} provinces and {len(commune_codes)} communes, "
            f"expected {EXPECTED_PROVINCES} and {EXPECTED_COMMUNES}"
        )

    header = [
        f"# source: PyPI package {PACKAGE} {PACKAGE_VERSION}",
        f"# data version: {DATA_VERSION} (after the 2025 reorganisation, QĐ 19/2025/QĐ-TTg)",
        f"# provinces: {len(province_codes)}, communes: {len(commune_codes)}",
        "# format: P<TAB>province code<TAB>name, then its communes as C<TAB>commune code<TAB>name",
        "# generated by scripts/make-places.py, do not edit",
    ]
    lines = header + body
    for line in lines:
        if "\n" in line or "\r" in line or line.count("\t") > 2:
            fail(f"stray control character in {line!r}")

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    text = unicodedata.normalize("NFC", "\n".join(lines) + "\n")
    OUTPUT.write_bytes(text.encode("utf-8"))
    print(f"wrote {OUTPUT} ({len(province_codes)} provinces, {len(commune_codes)} communes)")


if __name__ == "__main__":
    main()
