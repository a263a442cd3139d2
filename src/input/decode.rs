//! Bytes to text: byte-order marks, strict UTF-8, BOM-less UTF-16, then
//! the legacy encodings Arabic archives use (Windows-1256, ISO-8859-6),
//! detected with chardetng and decoded with encoding_rs.

use super::Reason;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE};

/// Decodes a text file's bytes. Returns the text and the encoding's name,
/// or a message saying where decoding failed. With `lossy`, bytes that do
/// not decode become U+FFFD instead of an error.
///
/// # Example
/// ```
/// use majlis::input::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFabc", false).unwrap(), ("abc".to_string(), "UTF-8"));
/// assert_eq!(decode(&[0xFF, 0xFE, b'a', 0], false).unwrap().0, "a");
/// // "سوريا" in Windows-1256.
/// let (text, enc) = decode(&[0xD3, 0xE6, 0xD1, 0xED, 0xC7, 0x20, 0xE6, 0xC7, 0xE1, 0xDA, 0xD1, 0xC7, 0xE9], false).unwrap();
/// assert!(text.starts_with("سوريا"));
/// assert_eq!(enc, "windows-1256");
/// ```
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(String, &'static str), String> {
    classified(bytes, lossy).map_err(|(_, message)| message)
}

/// As [`decode`], with the kind of failure for the reader's summary.
pub(crate) fn classified(
    bytes: &[u8],
    lossy: bool,
) -> Result<(String, &'static str), (Reason, String)> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest, 3, lossy).map(|s| (s, "UTF-8"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, UTF_16LE, 2, lossy).map(|s| (s, "UTF-16LE"));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, UTF_16BE, 2, lossy).map(|s| (s, "UTF-16BE"));
    }
    match simdutf8::compat::from_utf8(bytes) {
        Ok(s) if !s.contains('\0') => return Ok((s.to_string(), "UTF-8")),
        Ok(_) => {}
        Err(e) => {
            // UTF-8 that breaks after real multi-byte text is damaged UTF-8,
            // not another encoding.
            let before = &bytes[..e.valid_up_to()];
            if before.iter().any(|&b| b >= 0x80) {
                return utf8(bytes, 0, lossy).map(|s| (s, "UTF-8"));
            }
        }
    }
    // chardetng does not detect UTF-16 without a byte-order mark: text in
    // it has a zero in most high bytes.
    if let Some(enc) = bomless_utf16(bytes) {
        let name = if enc == UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        return utf16(bytes, enc, 0, lossy).map(|s| (s, name));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err((
            Reason::Binary,
            format!("binary data (a NUL byte at byte {nul}); majlis reads text articles"),
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors && !lossy {
        return Err((
            Reason::Undecodable,
            format!(
                "bytes that do not decode as {} (the likeliest encoding), the first at byte {}; pass --lossy to read them as U+FFFD",
                enc.name(),
                first_bad_byte(bytes, enc)
            ),
        ));
    }
    Ok((text.into_owned(), enc.name()))
}

/// Where the first byte sequence that `enc` cannot decode starts.
fn first_bad_byte(bytes: &[u8], enc: &'static Encoding) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    // Decoded in chunks: only the position matters, not the text.
    let mut out = String::with_capacity(4096);
    let mut at = 0;
    loop {
        out.clear();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[at..], &mut out, true);
        at += read;
        match result {
            DecoderResult::Malformed(bad, after) => {
                return at.saturating_sub(usize::from(bad) + usize::from(after));
            }
            DecoderResult::InputEmpty => return at,
            DecoderResult::OutputFull => {}
        }
    }
}

fn utf8(bytes: &[u8], offset: usize, lossy: bool) -> Result<String, (Reason, String)> {
    match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Err(e) => Err((
            Reason::Undecodable,
            format!(
                "not valid UTF-8 at byte {}; fix the file, or pass --lossy to read such bytes as U+FFFD",
                e.valid_up_to() + offset
            ),
        )),
    }
}

fn utf16(
    bytes: &[u8],
    enc: &'static Encoding,
    offset: usize,
    lossy: bool,
) -> Result<String, (Reason, String)> {
    if !bytes.len().is_multiple_of(2) && !lossy {
        return Err((
            Reason::Undecodable,
            format!(
                "UTF-16 text with an odd number of bytes ({})",
                bytes.len() + offset
            ),
        ));
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors && !lossy {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if enc == UTF_16LE {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let bad = char::decode_utf16(units)
            .position(|r| r.is_err())
            .unwrap_or(0);
        return Err((
            Reason::Undecodable,
            format!(
                "invalid UTF-16 (an unpaired surrogate at byte {})",
                offset + 2 * bad
            ),
        ));
    }
    Ok(text.into_owned())
}

/// UTF-16 without a byte-order mark: even length, and zeros in at least
/// a third of one byte lane and almost none of the other.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Arabic in UTF-16 has 0x06 high bytes, spaces and digits have 0x00:
    // what tells the lanes apart is that one lane never holds a zero.
    let mostly = |n: usize| n * 10 >= pairs;
    let rarely = |n: usize| n * 50 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arabic() -> &'static str {
        "اجتماع عمّان في 9 مارس"
    }

    #[test]
    fn all_unicode_encodings_give_the_same_text() {
        let text = arabic();
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        let bare_le = le[2..].to_vec();
        let bare_be = be[2..].to_vec();
        for bytes in [text.as_bytes().to_vec(), bom, le, be, bare_le, bare_be] {
            assert_eq!(decode(&bytes, false).unwrap().0, text);
        }
    }

    #[test]
    fn windows_1256_is_detected() {
        let text = "اجتمع وزراء الخارجية العرب في القاهرة لبحث الأزمة السورية";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(text);
        let (got, enc) = decode(&bytes, false).unwrap();
        assert_eq!(got, text);
        assert_eq!(enc, "windows-1256");
    }

    #[test]
    fn iso_8859_6_decodes_to_the_same_text() {
        let text = "اجتمع وزراء خارجية الدول العربية في القاهرة لبحث الأزمة في سوريا، وحضر الاجتماع وزير الخارجية الأردني";
        let (bytes, _, unmappable) = encoding_rs::ISO_8859_6.encode(text);
        assert!(!unmappable);
        let (got, enc) = decode(&bytes, false).unwrap();
        assert_eq!(got, text, "decoded as {enc}");
        assert_eq!(enc, "ISO-8859-6");
    }

    #[test]
    fn errors_name_the_byte_offset() {
        let at = |bytes: &[u8]| decode(bytes, false).unwrap_err();
        let mut le = vec![0xFF, 0xFE];
        for u in "سوريا".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        // A low surrogate alone, after five characters and the mark.
        le.extend([0x00, 0xDC, b'a', 0]);
        assert!(
            at(&le).contains("unpaired surrogate at byte 12"),
            "{}",
            at(&le)
        );
        le.push(0);
        assert!(at(&le).contains("odd number of bytes (17)"), "{}", at(&le));
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend("سوريا".as_bytes());
        bom8.push(0xFF);
        assert!(
            at(&bom8).contains("not valid UTF-8 at byte 13"),
            "{}",
            at(&bom8)
        );
        // 0xA1 is unassigned in ISO-8859-6.
        let (mut iso, _, _) = encoding_rs::ISO_8859_6.encode("في القاهرة");
        let bad = iso.len();
        iso.to_mut().extend([0xA1, 0xC7]);
        assert_eq!(first_bad_byte(&iso, encoding_rs::ISO_8859_6), bad);
        assert_eq!(first_bad_byte(b"abc", encoding_rs::ISO_8859_6), 3);
    }

    #[test]
    fn binary_and_broken_input_is_an_error_unless_lossy() {
        assert!(
            decode(b"\x7fELF\x00\x01\x02\x03\x04", false)
                .unwrap_err()
                .contains("NUL")
        );
        assert!(decode(&[0xFF, 0xFE, 0x00], false).is_err());
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8], false).is_err());
        let mut broken = "سوريا".as_bytes().to_vec();
        broken.push(0xC3);
        broken.extend(b" x");
        let err = decode(&broken, false).unwrap_err();
        assert!(err.contains("byte 10"), "{err}");
        assert_eq!(decode(&broken, true).unwrap().0, "سوريا\u{FFFD} x");
    }
}
