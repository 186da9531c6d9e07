#!/usr/bin/env node
/**
 * Draws the add-in's icons as PNG files with nothing but Node (zlib for the deflate step), so
 * they can be regenerated anywhere without a network or an image editor:
 *   node assets/icons/make-icons.js
 * Shapes are described geometrically and sampled 4×4 per pixel for smooth edges.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---------------------------------------------------------------------------------------------
// PNG encoding (RGBA, 8 bits per channel, no interlace)
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Geometry in a unit square (0..1, y down); a layer is [inside(x, y) → boolean, colour]
// ---------------------------------------------------------------------------------------------

function hex(c) {
  return [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
}

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** A thick polyline: inside when within `w/2` of any segment. */
const stroke = (points, w) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2) return true;
  }
  return false;
};

function render(size, layers) {
  const samples = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The icons
// ---------------------------------------------------------------------------------------------

const GREEN = hex('#107C41'); // Excel's green
const BLUE = hex('#0F6CBD');
const GREY = hex('#616161');
const WHITE = hex('#FFFFFF');
const PAPER = hex('#F5F5F5');

const CHECK = [[0.27, 0.52], [0.43, 0.68], [0.74, 0.35]];

const ICONS = {
  // The add-in itself (and the ribbon group): a sheet with a tick.
  icon: () => [
    [roundedRect(0.06, 0.06, 0.94, 0.94, 0.16), GREEN],
    [stroke(CHECK, 0.13), WHITE],
  ],
  // "Kiểm tra kế hoạch": a round tick.
  validate: () => [
    [circle(0.5, 0.5, 0.45), GREEN],
    [stroke(CHECK, 0.12), WHITE],
  ],
  // "Báo cáo quý": a bar chart.
  report: () => [
    [roundedRect(0.06, 0.06, 0.94, 0.94, 0.12), BLUE],
    [rect(0.22, 0.52, 0.36, 0.8), WHITE],
    [rect(0.43, 0.32, 0.57, 0.8), WHITE],
    [rect(0.64, 0.2, 0.78, 0.8), WHITE],
  ],
  // "Mở bảng điều khiển": a window with its right-hand pane filled in.
  pane: () => [
    [roundedRect(0.06, 0.12, 0.94, 0.88, 0.08), GREY],
    [rect(0.14, 0.2, 0.58, 0.8), PAPER],
    [rect(0.64, 0.2, 0.86, 0.8), GREEN],
  ],
};

/** Sizes each icon is drawn at: 16/32/80 for ribbon buttons and the group, 32/64 (+128 for the
 * store listing) for the add-in. */
const SIZES = {
  icon: [16, 32, 64, 80, 128],
  validate: [16, 32, 80],
  report: [16, 32, 80],
  pane: [16, 32, 80],
};

function main() {
  const dir = __dirname;
  for (const [name, sizes] of Object.entries(SIZES)) {
    for (const size of sizes) {
      const file = path.join(dir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, render(size, ICONS[name]())));
      process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
    }
  }
}

if (require.main === module) main();

module.exports = { encodePng, SIZES };
