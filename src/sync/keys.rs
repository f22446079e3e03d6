//! Ed25519 keys of groups and wards: making them, signing and checking (the short
//! fingerprint people compare on paper is `model::ward::fingerprint`).

use crate::error::{Error, Result};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// A key pair as stored: hex of the 32-byte secret and of the public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPair {
    pub public_hex: String,
    pub secret_hex: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(s: &str) -> Option<[u8; N]> {
    if s.len() != N * 2 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// Makes a new key pair from the operating system's randomness.
pub fn generate() -> Result<KeyPair> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| Error::internal(format!("no system randomness: {e}")))?;
    let key = SigningKey::from_bytes(&seed);
    Ok(KeyPair {
        public_hex: hex(key.verifying_key().as_bytes()),
        secret_hex: hex(&seed),
    })
}

/// Signs `message`; the signature as hex.
pub fn sign(secret_hex: &str, message: &[u8]) -> Result<String> {
    let seed: [u8; 32] = unhex(secret_hex)
        .ok_or_else(|| Error::internal("stored secret key is not 32 bytes of hex"))?;
    Ok(hex(&SigningKey::from_bytes(&seed).sign(message).to_bytes()))
}

/// Whether `signature_hex` is a valid signature of `message` by `public_hex`.
pub fn verify(public_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let (Some(pk), Some(sig)) = (unhex::<32>(public_hex), unhex::<64>(signature_hex.trim())) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&pk) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&sig))
        .is_ok()
}

/// SHA-256 of bytes as hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ward::fingerprint;

    #[test]
    fn a_signature_checks_only_with_its_key_and_message() {
        let a = generate().unwrap();
        let b = generate().unwrap();
        let sig = sign(&a.secret_hex, b"bao cao thang 10").unwrap();
        assert!(verify(&a.public_hex, b"bao cao thang 10", &sig));
        assert!(!verify(&b.public_hex, b"bao cao thang 10", &sig));
        assert!(!verify(&a.public_hex, b"bao cao thang 11", &sig));
        assert!(!verify(&a.public_hex, b"x", "zz"));
        assert_eq!(fingerprint(&a.public_hex).len(), 19);
        assert_ne!(fingerprint(&a.public_hex), fingerprint(&b.public_hex));
    }
}
