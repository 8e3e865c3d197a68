// Draws the app icon (a fingerprint on a blue tile) and writes icon.png (256 px) and
// icon.ico (16–256 px) next to this file. No image tools needed: `node assets/icons/generate-icons.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1'));

function coverage(u, v) {
  // Rounded tile.
  const r = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  const inTile = dx * dx + dy * dy <= r * r && Math.abs(u - 0.5) <= 0.5 && Math.abs(v - 0.5) <= 0.5;
  if (!inTile) return null;
  // Fingerprint: concentric ridges, open at the bottom.
  const cx = 0.5, cy = 0.52;
  const d = Math.hypot((u - cx) * 1.3, v - cy);
  const angle = Math.atan2(v - cy, u - cx); // +pi/2 is straight down
  const ridge = d > 0.05 && d < 0.36 && Math.abs(((d - 0.05) / 0.062) % 1 - 0.5) < 0.22;
  const gap = Math.abs(angle - Math.PI / 2) < 0.25 + (0.36 - d) * 1.5;
  return ridge && !gap ? 'ridge' : 'tile';
}

function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let a = 0, rr = 0, gg = 0, bb = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / size, v = (y + (sy + 0.5) / n) / size;
          const c = coverage(u, v);
          if (!c) continue;
          a += 1;
          if (c === 'ridge') { rr += 255; gg += 255; bb += 255; } else { rr += 31 - 10 * v; gg += 78 - 20 * v; bb += 156 + 30 * (1 - v); }
        }
      }
      const i = (y * size + x) * 4;
      if (a) { px[i] = Math.round(rr / a); px[i + 1] = Math.round(gg / a); px[i + 2] = Math.round(bb / a); }
      px[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return px;
}

function crcChunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crcChunk('IHDR', ihdr), crcChunk('IDAT', zlib.deflateSync(raw, { level: 9 })), crcChunk('IEND', Buffer.alloc(0))]);
}

// Small sizes as classic 32-bit DIBs (every Windows and NSIS reads them), 256 as PNG.
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0); header.writeInt32LE(size, 4); header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12); header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = ((size - 1 - y) * size + x) * 4, d = (y * size + x) * 4;
      pixels[d] = rgba[s + 2]; pixels[d + 1] = rgba[s + 1]; pixels[d + 2] = rgba[s]; pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

const sizes = [16, 24, 32, 48, 64, 128, 256];
const images = sizes.map((s) => ({ size: s, data: s === 256 ? png(s, render(s)) : dib(s, render(s)) }));
const dir = Buffer.alloc(6 + 16 * images.length);
dir.writeUInt16LE(1, 2); dir.writeUInt16LE(images.length, 4);
let offset = dir.length;
images.forEach((img, i) => {
  const e = 6 + 16 * i;
  dir[e] = img.size % 256; dir[e + 1] = img.size % 256;
  dir.writeUInt16LE(1, e + 4); dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(img.data.length, e + 8); dir.writeUInt32LE(offset, e + 12);
  offset += img.data.length;
});
fs.writeFileSync(path.join(here, 'icon.ico'), Buffer.concat([dir, ...images.map((i) => i.data)]));
fs.writeFileSync(path.join(here, 'icon.png'), png(256, render(256)));
console.log('wrote assets/icons/icon.ico and icon.png');
