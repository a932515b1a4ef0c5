import { describe, expect, it } from "vitest";
import { concatBytes, latin1Bytes as b, minimalJpeg, minimalPdf, minimalPng } from "@/lib/testing/proof-files";
import { checkProofFile, cleanFileName, holdsExecutable, proofTypeOf } from "./proof";

const pdf = minimalPdf();
const png = minimalPng();
const jpeg = minimalJpeg();
/** A DOS stub whose e_lfanew (at 0x3c) points at "PE\0\0": the head of every Windows executable. */
const pe = (() => {
  const stub = new Uint8Array(0x80);
  stub.set(b("MZ"));
  stub[0x3c] = 0x40;
  stub.set(b("PE\0\0"), 0x40);
  return stub;
})();
const elf = Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
/** A well-formed PDF whose page content stream is `inside` (the offsets stay right). */
const pdfWith = (inside: string) => minimalPdf(inside);

describe("proofTypeOf: the whole file's structure, not its first bytes", () => {
  it.each([
    ["a well-formed PDF", pdf, "application/pdf"],
    ["a PDF with trailing whitespace after %%EOF", concatBytes(pdf, b("\r\n\n")), "application/pdf"],
    ["a well-formed PNG", png, "image/png"],
    ["a well-formed JPEG", jpeg, "image/jpeg"],
    ["a JPEG padded with zeros after EOI", concatBytes(jpeg, new Uint8Array(16)), "image/jpeg"],
    // Disguises: a valid header in front of something else.
    ["%PDF- then a Windows executable", concatBytes(b("%PDF-1.4\n"), pe), undefined],
    ["%PDF- then an ELF binary", concatBytes(b("%PDF-1.7\n"), elf), undefined],
    ["%PDF- then an HTML page", b("%PDF-1.4\n<!DOCTYPE html><html><body><script>alert(1)</script>"), undefined],
    ["%PDF- then HTML, with a fake trailer", b("%PDF-1.4\n<html><script>x()</script>\nstartxref\n0\n%%EOF\n"), undefined],
    ["a PDF hiding a page in a stream", pdfWith("<HTML><SCRIPT>steal()</SCRIPT>"), undefined],
    ["a PDF with an iframe", pdfWith("<iframe src=//evil>"), undefined],
    ["a PDF running JavaScript", pdfWith("/S /JavaScript /JS (app.alert(1))"), undefined],
    ["a PDF launching a program", pdfWith("/S /Launch /F (cmd.exe)"), undefined],
    ["a PDF carrying an embedded file", pdfWith("/Type /EmbeddedFile"), undefined],
    ["a PDF with an executable appended inside", concatBytes(pdf.subarray(0, 40), pe, pdf.subarray(40)), undefined],
    ["a PDF without %%EOF", pdf.subarray(0, pdf.length - 6), undefined],
    ["a PDF whose startxref points nowhere", b("%PDF-1.4\n1 0 obj<<>>endobj\nstartxref\n999999\n%%EOF\n"), undefined],
    ["a PDF whose startxref points at text", b("%PDF-1.4\nhello world, no xref here\nstartxref\n9\n%%EOF\n"), undefined],
    ["a PDF header alone", b("%PDF-1.7"), undefined],
    ["a PNG signature alone", png.subarray(0, 8), undefined],
    ["a PNG without IEND", png.subarray(0, png.length - 12), undefined],
    ["a PNG with data after IEND", concatBytes(png, b("<html>")), undefined],
    ["a PNG with an executable after IEND", concatBytes(png, pe), undefined],
    ["a PNG whose first chunk is not IHDR", concatBytes(png.subarray(0, 8), png.subarray(33)), undefined],
    [
      "a PNG with a chunk longer than the file",
      concatBytes(png.subarray(0, 8), Uint8Array.of(0x7f, 0xff, 0xff, 0xff), b("IHDR")),
      undefined,
    ],
    ["a PNG with a text chunk holding a script", minimalPngWithText("<script>x()</script>"), undefined],
    ["a JPEG magic alone", jpeg.subarray(0, 3), undefined],
    ["a JPEG without EOI", jpeg.subarray(0, jpeg.length - 2), undefined],
    ["a JPEG followed by an executable", concatBytes(jpeg, pe), undefined],
    ["a JPEG followed by HTML", concatBytes(jpeg, b("<html>")), undefined],
    ["a JPEG magic then HTML", concatBytes(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0), b("<html><script>")), undefined],
    ["an ELF binary", elf, undefined],
    ["a Windows executable", pe, undefined],
  ] as const)("%s → %s", (_, bytes, expected) => {
    expect(proofTypeOf(bytes)).toBe(expected);
  });

  it("checkProofFile refuses a disguised file as UNSUPPORTED_TYPE, whatever its name says", () => {
    expect(checkProofFile({ name: "licence.pdf", bytes: concatBytes(b("%PDF-1.4\n"), pe) })).toEqual({
      ok: false,
      error: "UNSUPPORTED_TYPE",
    });
  });

  it("finds a PE header only where a DOS stub points at it (stray 'MZ' bytes are not a program)", () => {
    expect(holdsExecutable(b("MZ is a pair of letters in text, PE\0\0 too"))).toBe(false);
    expect(holdsExecutable(concatBytes(new Uint8Array(7), pe))).toBe(true);
  });
});

function minimalPngWithText(text: string): Uint8Array {
  const chunk = new Uint8Array(12 + text.length + 9);
  new DataView(chunk.buffer).setUint32(0, text.length + 9);
  chunk.set(b("tEXt"), 4);
  chunk.set(b(`Comment\0\0${text}`).subarray(0, text.length + 9), 8);
  return concatBytes(png.subarray(0, 33), chunk, png.subarray(33));
}

describe("cleanFileName: names that show what they are", () => {
  it.each([
    // U+202E turns "photo\u202Egnp.exe" into what reads as "photoexe.png".
    ["photo\u202Egnp.exe", "application/pdf", "photognp.exe.pdf"],
    ["licence\u202Efdp.pdf", "application/pdf", "licencefdp.pdf"],
    ["a\u202Ab\u202Bc\u202Cd\u202De.png", "image/png", "abcde.png"],
    ["\u2066iso\u2067late\u2068d\u2069.jpg", "image/jpeg", "isolated.jpg"],
    ["mark\u200E\u200F\u061C.pdf", "application/pdf", "mark.pdf"],
    ["c1\u0085\u009b.pdf", "application/pdf", "c1.pdf"],
    ["tab\there.pdf", "application/pdf", "tabhere.pdf"],
    ["..\\..\\windows\\system32\\evil.pdf", "application/pdf", "evil.pdf"],
    ["dir/\u202E/x.pdf", "application/pdf", "x.pdf"],
    ["\u202E", "application/pdf", "proof.pdf"],
    ["scan.pdf\u202E", "application/pdf", "scan.pdf"],
    ["scan.p\u202Edf", "application/pdf", "scan.pdf"],
    ["scan.exe", "image/png", "scan.exe.png"],
    ["办学许可证\u202E.jpeg", "image/jpeg", "办学许可证.jpeg"],
  ] as const)("%j (%s) → %j", (name, type, expected) => {
    expect(cleanFileName(name, type)).toBe(expected);
  });
});
