// The signed-in user's Astra profile; its status decides which verification flow applies.
import "server-only";
import { astraFetch } from "./client";
import { userSchema, type User } from "./schemas";

export function getUser(accessToken: string): Promise<User> {
  return astraFetch({ path: "/v1/user", auth: { accessToken }, schema: userSchema });
}
