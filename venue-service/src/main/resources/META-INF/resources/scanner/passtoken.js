/*
 * The pass token ("K1" + Base45 of 80 bytes, docs/pass-token.md) read in the browser, for the offline mode:
 * decode the fields, verify the Ed25519 signature with WebCrypto against a public key of the offline kit,
 * and print the pass number (Crockford base 32 + Luhn mod 32 check character). Never throws on bad input:
 * decode answers { rejected: reason } with the reason codes venue-service uses.
 */
(function () {
  'use strict';

  const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const EPOCH = Date.UTC(2020, 0, 1);
  const DAY = 86400000;
  const CATEGORIES = ['ADULT', 'CHILD', 'COLLECTIVE'];

  /** RFC 9285: every 3 characters (c + 45·d + 45²·e) are 2 bytes, a last pair is 1 byte; null when not Base45. */
  function base45(text) {
    if (text.length % 3 === 1) return null;
    const bytes = [];
    for (let i = 0; i < text.length; i += 3) {
      const digits = [...text.slice(i, i + 3)].map((c) => BASE45.indexOf(c));
      if (digits.includes(-1)) return null;
      const value = digits.reduce((sum, d, k) => sum + d * 45 ** k, 0);
      if (digits.length === 3) {
        if (value > 0xffff) return null;
        bytes.push(value >> 8, value & 0xff);
      } else {
        if (value > 0xff) return null;
        bytes.push(value);
      }
    }
    return Uint8Array.from(bytes);
  }

  function number(bytes, from, size) {
    let value = 0;
    for (let i = from; i < from + size; i++) value = value * 256 + bytes[i];
    return value;
  }

  function day(daysSinceEpoch) {
    return new Date(EPOCH + daysSinceEpoch * DAY).toISOString().slice(0, 10);
  }

  function fromBase64(text) {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }

  const PassToken = {
    /** The token's fields and signed bytes, or { rejected: reason } (NOT_A_KULTURPASS, DAMAGED_CODE). */
    decode(scanned) {
      const text = String(scanned || '').trim();
      if (!text.startsWith('K1')) return { rejected: 'NOT_A_KULTURPASS' };
      const bytes = base45(text.slice(2));
      if (!bytes) return { rejected: 'NOT_A_KULTURPASS' };
      if (bytes.length !== 80) return { rejected: 'DAMAGED_CODE' };
      const signed = new Uint8Array(18);
      signed.set([0x4b, 0x31]);
      signed.set(bytes.subarray(0, 16), 2);
      const birth = bytes[15];
      return {
        keyId: number(bytes, 0, 2),
        passId: number(bytes, 2, 5),
        validFrom: day(number(bytes, 7, 2)),
        validUntil: day(number(bytes, 9, 2)),
        category: CATEGORIES[bytes[11]],
        groupSize: bytes[12],
        initials: String.fromCharCode(bytes[13], bytes[14]),
        birthYear: birth === 0 ? null : 1899 + birth,
        signed,
        signature: bytes.slice(16)
      };
    },

    /** True when the signature verifies with the 32-byte public key (base64) and the fields hold what a signer writes. */
    async verify(decoded, publicKeyBase64) {
      const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
      return crypto.subtle.verify({ name: 'Ed25519' }, key, decoded.signature, decoded.signed);
    },

    /** The fields a signer never writes (checked after the signature, as the server does). */
    wellFormed(decoded) {
      return decoded.passId > 0 && decoded.category !== undefined && decoded.groupSize >= 1
        && /^([A-Z]{2}|--)$/.test(decoded.initials) && decoded.validUntil >= decoded.validFrom;
    },

    /**
     * Reads a scanned text as the server's verifier does, in the same order: decoded, a public key for its key id
     * (publicKeyFor(keyId) → base64 or null), the signature, then the fields. Answers { reason, card }: reason null
     * when the card itself is sound (dates, standing and agreement are the caller's rules).
     */
    async check(text, publicKeyFor) {
      const card = PassToken.decode(text);
      if (card.rejected) return { reason: card.rejected, card: null };
      const key = publicKeyFor(card.keyId);
      if (!key) return { reason: 'UNKNOWN_KEY', card: null };
      if (!(await PassToken.verify(card, key).catch(() => false))) return { reason: 'FORGED', card: null };
      if (!PassToken.wellFormed(card)) return { reason: 'DAMAGED_CODE', card: null };
      return { reason: null, card };
    },

    /** The printed pass number XXXX-XXXX-C of a pass id. */
    passNumber(passId) {
      let digits = '';
      let rest = passId;
      for (let i = 0; i < 8; i++) {
        digits = CROCKFORD[rest % 32] + digits;
        rest = Math.floor(rest / 32);
      }
      let sum = 0;
      for (let i = 0; i < 8; i++) {
        const weighted = CROCKFORD.indexOf(digits[7 - i]) * (i % 2 === 0 ? 2 : 1);
        sum += Math.floor(weighted / 32) + (weighted % 32);
      }
      return digits.slice(0, 4) + '-' + digits.slice(4) + '-' + CROCKFORD[(32 - (sum % 32)) % 32];
    },

    /** Whether typed text has the shape of a pass number (the server checks the check character). */
    looksLikePassNumber(text) {
      return /^[0-9A-Z]{9}$/.test(String(text || '').toUpperCase().replace(/[\s-]/g, ''));
    }
  };

  window.PassToken = PassToken;
})();
