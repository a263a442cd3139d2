//! Bytes to text: byte-order marks, UTF-16 and strict UTF-8.

/// Decodes a text file's bytes. Returns the text and the encoding's name,
/// or a message saying where decoding failed.
///
/// # Example
/// ```
/// use majlis::input::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), ("abc".to_string(), "UTF-8"));
/// assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]).unwrap().0, "a");
/// assert!(decode(&[b'a', 0xC3]).unwrap_err().contains("byte 1"));
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3).map(|s| (s, "UTF-8"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|s| (s, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|s| (s, "UTF-16BE"));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary data (a NUL byte at byte {nul}); majlis reads text articles"
        ));
    }
    utf8(bytes, 0).map(|s| (s, "UTF-8"))
}

fn utf8(bytes: &[u8], offset: usize) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(format!(
            "not valid UTF-8 at byte {}; save the file as UTF-8 (or UTF-16 with a byte-order mark)",
            e.valid_up_to() + offset
        )),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(format!(
            "UTF-16 text with an odd number of bytes ({})",
            bytes.len() + 2
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(format!(
                    "invalid UTF-16 (an unpaired surrogate at byte {})",
                    2 + 2 * i
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_unicode_encodings_give_the_same_text() {
        let text = "اجتماع عمّان";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        for bytes in [text.as_bytes().to_vec(), bom, le, be] {
            assert_eq!(decode(&bytes).unwrap().0, text);
        }
    }

    #[test]
    fn binary_and_broken_input_is_an_error() {
        assert!(decode(b"\x7fELF\x00\x01").unwrap_err().contains("NUL"));
        assert!(decode(&[0xFF, 0xFE, 0x00]).is_err());
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8]).is_err());
    }
}
