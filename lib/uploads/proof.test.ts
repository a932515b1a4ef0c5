import { describe, expect, it } from "vitest";
import { minimalJpeg, minimalPdf, minimalPng } from "@/lib/testing/proof-files";
import { attachmentDisposition, checkProofFile, cleanFileName, MAX_PROOF_BYTES, sniffProofType } from "./proof";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(Buffer.from(p, "latin1")) : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("sniffProofType", () => {
  it.each([
    ["a PDF", "application/pdf", bytes("%PDF-1.4\n%âãÏÓ\n")],
    ["a PDF 2.0", "application/pdf", bytes("%PDF-2.0")],
    ["a PNG", "image/png", bytes(PNG, [0, 0, 0, 13], "IHDR")],
    ["a JPEG (JFIF)", "image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF")],
    ["a JPEG (Exif)", "image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe1])],
    ["a PDF header not at the start", undefined, bytes(" %PDF-1.4")],
    ["%PDF without the dash", undefined, bytes("%PDF1.4")],
    ["a truncated PNG signature", undefined, bytes(PNG.slice(0, 7))],
    ["a PNG signature with a wrong byte", undefined, bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ["two JPEG bytes", undefined, bytes([0xff, 0xd8])],
    ["a GIF", undefined, bytes("GIF89a")],
    ["a Windows executable", undefined, bytes("MZ\x90\x00")],
    ["a ZIP (docx)", undefined, bytes("PK\x03\x04")],
    ["HTML", undefined, bytes("<!doctype html><script>")],
    ["SVG", undefined, bytes("<svg xmlns=")],
    ["nothing", undefined, bytes()],
  ] as const)("%s → %s", (_, expected, input) => {
    expect(sniffProofType(input)).toBe(expected);
  });
});

describe("checkProofFile", () => {
  it.each([
    ["no file", undefined, { ok: false, error: "NO_FILE" }],
    ["an empty file", { name: "a.pdf", bytes: bytes() }, { ok: false, error: "EMPTY" }],
    ["an HTML page named .pdf", { name: "licence.pdf", bytes: bytes("<html>") }, { ok: false, error: "UNSUPPORTED_TYPE" }],
    [
      "a PDF named .png",
      { name: "licence.png", bytes: minimalPdf() },
      { ok: true, fileName: "licence.png.pdf", contentType: "application/pdf" },
    ],
    [
      "a Chinese file name",
      { name: "办学许可证.pdf", bytes: minimalPdf() },
      { ok: true, fileName: "办学许可证.pdf", contentType: "application/pdf" },
    ],
    [
      "a path in the name",
      { name: "C:\\Users\\li\\scan.jpg", bytes: minimalJpeg() },
      { ok: true, fileName: "scan.jpg", contentType: "image/jpeg" },
    ],
  ] as const)("%s", (_, file, expected) => {
    expect(checkProofFile(file)).toEqual(expected);
  });

  it("takes exactly 10 MB and refuses one byte more", () => {
    const at = minimalPng(MAX_PROOF_BYTES);
    expect(at.length).toBe(MAX_PROOF_BYTES);
    expect(checkProofFile({ name: "big.png", bytes: at })).toMatchObject({ ok: true, contentType: "image/png" });
    const over = minimalPng(MAX_PROOF_BYTES + 1);
    expect(checkProofFile({ name: "big.png", bytes: over })).toEqual({ ok: false, error: "TOO_LARGE" });
  });
});

describe("cleanFileName", () => {
  it.each([
    ["proof.pdf", "proof.pdf"],
    ["  spaced.pdf  ", "spaced.pdf"],
    ["../../etc/passwd", "passwd.pdf"],
    ["line\nbreak\u0000.pdf", "linebreak.pdf"],
    ["", "proof.pdf"],
    ["dir/", "proof.pdf"],
    ["..", "proof.pdf"],
    ["scan.PDF", "scan.PDF"],
    ["scan", "scan.pdf"],
    ["scan.exe", "scan.exe.pdf"],
    [".pdf", ".pdf.pdf"],
  ])("%j → %j", (name, expected) => {
    expect(cleanFileName(name, "application/pdf")).toBe(expected);
  });

  it("shortens a long name to 255 characters and keeps its extension", () => {
    const long = cleanFileName(`${"证".repeat(300)}.pdf`, "application/pdf");
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith("证.pdf")).toBe(true);
    expect(cleanFileName("x.jpeg", "image/jpeg")).toBe("x.jpeg");
    expect(cleanFileName("x.jpg", "image/png")).toBe("x.jpg.png");
  });
});

describe("attachmentDisposition", () => {
  it.each([
    ["proof.pdf", `attachment; filename="proof.pdf"; filename*=UTF-8''proof.pdf`],
    ["办学许可证.pdf", `attachment; filename="_____.pdf"; filename*=UTF-8''%E5%8A%9E%E5%AD%A6%E8%AE%B8%E5%8F%AF%E8%AF%81.pdf`],
    [`a "quoted" (1)\\b.pdf`, `attachment; filename="a _quoted_ (1)_b.pdf"; filename*=UTF-8''a%20%22quoted%22%20%281%29%5Cb.pdf`],
  ])("%s", (name, expected) => {
    expect(attachmentDisposition(name)).toBe(expected);
  });
});
