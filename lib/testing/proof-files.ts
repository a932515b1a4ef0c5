// Well-formed proof files of each type for tests (Vitest and Playwright): the smallest a checker must accept.

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A one-page PDF with a correct cross-reference table and startxref offset; `body` is put inside a content stream. */
export function minimalPdf(body = "BT /F1 12 Tf (proof) Tj ET"): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
  ];
  let text = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets = objects.map((object, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(text);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(latin1(type), 4);
  return concat(head, data, new Uint8Array(4)); // the CRC is not checked
}

/** A 1×1 PNG (IHDR, IDAT, IEND), padded with a private chunk to `size` bytes when asked. */
export function minimalPng(size?: number): Uint8Array {
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const ihdr = pngChunk("IHDR", Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0));
  const idat = pngChunk("IDAT", Uint8Array.of(0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1));
  const iend = pngChunk("IEND", new Uint8Array(0));
  const bare = signature.length + ihdr.length + idat.length + iend.length;
  const pad = size === undefined ? [] : [pngChunk("prVt", new Uint8Array(size - bare - 12))];
  return concat(signature, ihdr, ...pad, idat, iend);
}

/** A baseline JPEG's skeleton: SOI, APP0 (JFIF), SOF0, SOS, a few scan bytes, EOI. */
export function minimalJpeg(): Uint8Array {
  return concat(
    Uint8Array.of(0xff, 0xd8),
    Uint8Array.of(0xff, 0xe0, 0, 16),
    latin1("JFIF\0"),
    Uint8Array.of(1, 1, 0, 0, 1, 0, 1, 0, 0),
    Uint8Array.of(0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0),
    Uint8Array.of(0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0),
    Uint8Array.of(0x12, 0x34, 0xff, 0x00, 0x56),
    Uint8Array.of(0xff, 0xd9),
  );
}

export { concat as concatBytes, latin1 as latin1Bytes };
