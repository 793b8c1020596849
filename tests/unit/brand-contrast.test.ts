import { describe, expect, it } from "vitest";
import { siteConfig } from "@/config/site";

// WCAG 2.x relative luminance and contrast ratio (w3.org/TR/WCAG21/#dfn-contrast-ratio).
function channel(hex: string, at: number): number {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

function contrast(a: string, b: string): number {
  const [one, other] = [luminance(a), luminance(b)];
  return (Math.max(one, other) + 0.05) / (Math.min(one, other) + 0.05);
}

describe("the brand colour in config/site.ts", () => {
  it("is a six-digit sRGB hex colour", () => {
    expect(siteConfig.brandColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("keeps 4.5:1 against white, for the white text on buttons and the brand text on white pages", () => {
    expect(contrast(siteConfig.brandColor, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("computes the ratios WCAG publishes", () => {
    expect(contrast("#000000", "#ffffff")).toBe(21);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
