import { siteConfig } from "@/config/site";

/** The product's mark on the brand colour: drawn by the header, the icon (app/icon.tsx) and the social card. */
export function LogoMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill={siteConfig.brandColor} />
      <path
        d="M16 5.5c.9 5.8 4.7 9.6 10.5 10.5-5.8.9-9.6 4.7-10.5 10.5-.9-5.8-4.7-9.6-10.5-10.5 5.8-.9 9.6-4.7 10.5-10.5Z"
        fill="#fff"
      />
    </svg>
  );
}
