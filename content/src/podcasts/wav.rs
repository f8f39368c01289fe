//! Short generated audio for the demo podcasts: 8 kHz, 8-bit mono PCM WAV (a file every
//! browser and podcast app plays), a sequence of soft tones so a player visibly plays.

/// A WAV file of `seconds` seconds; `variant` changes the melody.
pub fn tones(seconds: u32, variant: u32) -> Vec<u8> {
    const RATE: u32 = 8_000;
    // A pentatonic scale, in Hz.
    const NOTES: [f32; 5] = [261.6, 293.7, 329.6, 392.0, 440.0];
    let samples = RATE * seconds;
    let mut data = Vec::with_capacity(samples as usize);
    for i in 0..samples {
        let t = i as f32 / RATE as f32;
        let beat = (t * 2.0) as u32; // two notes a second
        let note = NOTES[((beat * 7 + variant * 3) % NOTES.len() as u32) as usize];
        let within = t * 2.0 - beat as f32; // 0..1 inside the note
        let envelope = (1.0 - within).powi(2) * 0.6;
        let sample = (2.0 * std::f32::consts::PI * note * t).sin() * envelope;
        data.push((128.0 + sample * 127.0) as u8);
    }
    let mut out = Vec::with_capacity(44 + data.len());
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&RATE.to_le_bytes()); // bytes per second
    out.extend_from_slice(&1u16.to_le_bytes()); // block align
    out.extend_from_slice(&8u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&data);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn wav_header_matches_its_length() {
        let wav = super::tones(3, 1);
        assert_eq!(wav.len(), 44 + 24_000);
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(
            u32::from_le_bytes(wav[4..8].try_into().unwrap()) as usize,
            wav.len() - 8
        );
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        assert_eq!(u32::from_le_bytes(wav[40..44].try_into().unwrap()), 24_000);
        assert!(wav[44..].iter().any(|&s| s > 190), "not silence");
    }
}
