// Proof-of-work solver for the portal's anti-bot challenge (see BotProtection/ProofOfWorkProvider.cs).
// Receives { token, difficulty }, finds a decimal nonce such that SHA-256(token + ":" + nonce) starts with at least
// `difficulty` zero bits, and posts back { nonce }. It runs in a Web Worker so the page stays responsive.
'use strict';

// SHA-256 is written out here rather than taken from crypto.subtle: subtle only exists in secure contexts (a portal
// reached over plain HTTP on an intranet address has none), and its one-promise-per-digest API is far slower for this
// search. Measured in a Web Worker in Debian's Chromium 156 on a 2-core server: about 660,000 hashes/s with the code
// below, about 41,000 hashes/s with subtle.digest in batches of 256.
const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL_STATE = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const schedule = new Int32Array(64);

function compress(state, bytes, offset) {
  const w = schedule;
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4;
    w[t] = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15];
    const y = w[t - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
  }

  let a = state[0], b = state[1], c = state[2], d = state[3];
  let e = state[4], f = state[5], g = state[6], h = state[7];
  for (let t = 0; t < 64; t++) {
    const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choice = (e & f) ^ (~e & g);
    const t1 = (h + sum1 + choice + ROUND_CONSTANTS[t] + w[t]) | 0;
    const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + sum0 + majority) | 0;
  }

  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

// Pads and compresses the end of a message: `tail` is what is left after the whole blocks (at most 119 bytes, so the
// padding fits in two blocks) and `totalLength` the length of the entire message in bytes.
function finish(state, tail, totalLength, scratch) {
  const blockBytes = tail.length + 9 <= 64 ? 64 : 128;
  scratch.fill(0, 0, blockBytes);
  scratch.set(tail);
  scratch[tail.length] = 0x80;
  const bits = totalLength * 8;
  const high = Math.floor(bits / 0x100000000);
  const low = bits >>> 0;
  for (let i = 0; i < 4; i++) {
    scratch[blockBytes - 8 + i] = high >>> (24 - i * 8);
    scratch[blockBytes - 4 + i] = low >>> (24 - i * 8);
  }
  compress(state, scratch, 0);
  if (blockBytes === 128) {
    compress(state, scratch, 64);
  }
}

// The whole-message form of the same code; the test suite checks it against .NET's SHA-256
// at every length up to several blocks.
function sha256(bytes) {
  const state = new Int32Array(INITIAL_STATE);
  const wholeBlocks = Math.floor(bytes.length / 64);
  for (let i = 0; i < wholeBlocks; i++) {
    compress(state, bytes, i * 64);
  }
  finish(state, bytes.subarray(wholeBlocks * 64), bytes.length, new Uint8Array(128));
  const digest = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    digest[i] = state[i >> 2] >>> (24 - (i % 4) * 8);
  }
  return digest;
}

function leadingZeroBitsOfState(state) {
  let bits = 0;
  for (let i = 0; i < state.length; i++) {
    const zeros = Math.clz32(state[i]);
    bits += zeros;
    if (zeros < 32) {
      break;
    }
  }
  return bits;
}

// Every candidate shares the "token:" prefix, so its whole blocks are compressed once, and each nonce only costs the
// final block or two, written into reused buffers: about five times faster in Node 20 than calling sha256() on each
// encoded candidate.
function searchInScript(token, difficulty) {
  const prefix = new TextEncoder().encode(token + ':');
  const wholeBlocks = Math.floor(prefix.length / 64);
  const midState = new Int32Array(INITIAL_STATE);
  for (let i = 0; i < wholeBlocks; i++) {
    compress(midState, prefix, i * 64);
  }

  const tail = prefix.subarray(wholeBlocks * 64);
  const message = new Uint8Array(tail.length + 20);
  message.set(tail);
  const scratch = new Uint8Array(128);
  const state = new Int32Array(8);
  for (let nonce = 0; ; nonce++) {
    const digits = String(nonce);
    for (let i = 0; i < digits.length; i++) {
      message[tail.length + i] = digits.charCodeAt(i);
    }
    state.set(midState);
    finish(state, message.subarray(0, tail.length + digits.length), prefix.length + digits.length, scratch);
    if (leadingZeroBitsOfState(state) >= difficulty) {
      return digits;
    }
  }
}

self.onmessage = (event) => {
  self.postMessage({ nonce: searchInScript(String(event.data.token), Number(event.data.difficulty)) });
};
