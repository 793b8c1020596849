// A demo visitor's name: a person's, so the app greets them as it would a real user.
import { randomInt } from "node:crypto";

const FIRST_NAMES = [
  "Alex",
  "Bailey",
  "Casey",
  "Dana",
  "Eden",
  "Finley",
  "Harper",
  "Jordan",
  "Kai",
  "Logan",
  "Morgan",
  "Noor",
  "Parker",
  "Quinn",
  "Riley",
  "Rowan",
  "Sage",
  "Skyler",
  "Taylor",
  "Zion",
] as const;
const LAST_NAMES = [
  "Bennett",
  "Carter",
  "Diaz",
  "Ellis",
  "Foster",
  "Garcia",
  "Hayes",
  "Kim",
  "Lopez",
  "Morales",
  "Nguyen",
  "Okafor",
  "Patel",
  "Reyes",
  "Rivera",
  "Shah",
  "Tanaka",
  "Walker",
  "Young",
  "Zhang",
] as const;

export const VISITOR_FIRST_NAMES: readonly string[] = FIRST_NAMES;
export const VISITOR_LAST_NAMES: readonly string[] = LAST_NAMES;

export function randomVisitorName(): { firstName: string; lastName: string } {
  return {
    firstName: FIRST_NAMES[randomInt(FIRST_NAMES.length)]!,
    lastName: LAST_NAMES[randomInt(LAST_NAMES.length)]!,
  };
}
