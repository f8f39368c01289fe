#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ccme_fuzz::markdown(data));
