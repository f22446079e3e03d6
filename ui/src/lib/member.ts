// Conversions between stored members and the form's input.
import type { Member } from "./bindings/Member";
import type { MemberInput } from "./bindings/MemberInput";
import { vnDate, vnPhone, vnToday } from "./format";

/** An empty form for a new member. */
export function emptyMember(): MemberInput {
  return {
    full_name: "",
    gender: null,
    birth_date: "",
    phone: "",
    address: "",
    role: "to_vien",
    joined_on: vnToday(),
    cccd: "",
    health_cert_date: "",
    consent_date: "",
    consent_purpose: "",
    notes: "",
  };
}

/** The form for editing `m`. */
export function memberToInput(m: Member): MemberInput {
  return {
    full_name: m.full_name,
    gender: m.gender,
    birth_date: vnDate(m.birth_date),
    phone: vnPhone(m.phone),
    address: m.address ?? "",
    role: m.role,
    joined_on: vnDate(m.joined_on),
    cccd: m.cccd ?? "",
    health_cert_date: vnDate(m.health_cert_date),
    consent_date: vnDate(m.consent_date),
    consent_purpose: m.consent_purpose,
    notes: m.notes ?? "",
  };
}
