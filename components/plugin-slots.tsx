// Where the core's pages render a plug-in's UI (lib/plugins.ts registers the rest). Removing a plug-in: delete
// its folders, its line in lib/plugins.ts, and make its slots here `() => null`.
export { DevTools as SignedInDrawer } from "@/components/dev-tools/dev-tools";
export { EmulatorHint } from "@/components/dev-tools/emulator-hint";
export { TryDemoButton } from "@/components/demo/try-demo-button";
