import { ImageResponse } from "next/og";
import { LogoMark } from "@/components/logo-mark";
import { siteConfig } from "@/config/site";

export const alt = `${siteConfig.name}: ${siteConfig.description}`;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The card link previews show (Open Graph and X), drawn from config/site.ts at build time. */
export default function OpengraphImage() {
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: "100%",
        height: "100%",
        padding: 80,
        background: "#ffffff",
        borderTop: `24px solid ${siteConfig.brandColor}`,
        color: "#0f172a",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 28 }}>
        <LogoMark size={112} />
        <div style={{ fontSize: 72, fontWeight: 700, letterSpacing: -1.5 }}>{siteConfig.name}</div>
      </div>
      <div style={{ fontSize: 44, lineHeight: 1.3, color: "#334155", maxWidth: 1000 }}>{siteConfig.headline}</div>
    </div>,
    size,
  );
}
