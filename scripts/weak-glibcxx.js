// Marks a symbol-version requirement of an ELF shared library as weak (VER_FLG_WEAK), in place.
// TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32, which Debian 12's libstdc++ lacks; the
// only symbol under that version is an unused link anchor, so a weak requirement loads fine.
// Usage: node scripts/weak-glibcxx.js <library.so> [version=GLIBCXX_3.4.32]; idempotent.
'use strict';
const fs = require('fs');

const [file, version = 'GLIBCXX_3.4.32'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/weak-glibcxx.js <library.so> [version]');
  process.exit(2);
}
const elf = fs.readFileSync(file);
if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) {
  console.error(`${file}: not a little-endian 64-bit ELF file`);
  process.exit(1);
}
const SHT_GNU_VERNEED = 0x6ffffffe;
const VER_FLG_WEAK = 0x2;
const shoff = Number(elf.readBigUInt64LE(0x28));
const shentsize = elf.readUInt16LE(0x3a);
const shnum = elf.readUInt16LE(0x3c);
const section = (i) => {
  const at = shoff + i * shentsize;
  return { type: elf.readUInt32LE(at + 4), offset: Number(elf.readBigUInt64LE(at + 0x18)), link: elf.readUInt32LE(at + 0x28), info: elf.readUInt32LE(at + 0x2c) };
};

let found = 0;
for (let i = 0; i < shnum; i++) {
  const verneed = section(i);
  if (verneed.type !== SHT_GNU_VERNEED) continue;
  const strings = section(verneed.link).offset;
  const name = (at) => elf.toString('latin1', strings + at, elf.indexOf(0, strings + at));
  let need = verneed.offset;
  for (let n = 0; n < verneed.info; n++) {
    let aux = need + elf.readUInt32LE(need + 8);
    for (let a = 0; a < elf.readUInt16LE(need + 2); a++) {
      if (name(elf.readUInt32LE(aux + 8)) === version) {
        elf.writeUInt16LE(elf.readUInt16LE(aux + 4) | VER_FLG_WEAK, aux + 4);
        found++;
      }
      aux += elf.readUInt32LE(aux + 12);
    }
    need += elf.readUInt32LE(need + 12);
  }
}
if (found === 0) {
  console.log(`${file}: no requirement of ${version}; nothing to do`);
  process.exit(0);
}
fs.writeFileSync(file + '.tmp', elf);
fs.renameSync(file + '.tmp', file);
console.log(`${file}: ${version} marked weak`);
