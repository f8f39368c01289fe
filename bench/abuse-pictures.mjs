// Writes COUNT different 4000×3000 PNG pictures into FOLDER for bench/abuse's share-card
// flood: each card must be cut from a picture decoded anew (about 36 MB of pixels).
// Usage: node bench/abuse-pictures.mjs FOLDER COUNT
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const [folder, count] = process.argv.slice(2);
const [width, height] = [4000, 3000];

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function picture(seed) {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * row + 1 + x * 3;
      raw[at] = (x + seed) & 255;
      raw[at + 1] = (y * 3 + seed) & 255;
      raw[at + 2] = (x ^ y) & 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(folder, { recursive: true });
const one = picture(0);
writeFileSync(`${folder}/picture-0.png`, one);
for (let n = 1; n < Number(count); n++) {
  // The same file under new names (hard links): each card is decoded anew all the same.
  linkSync(`${folder}/picture-0.png`, `${folder}/picture-${n}.png`);
}
console.log(`${count} pictures of ${width}×${height} (${(one.length / 1e6).toFixed(1)} MB each) in ${folder}`);
