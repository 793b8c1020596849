import { z } from "zod";

export const transferIdSchema = z.object({ transfer_id: z.string().min(1, { error: "Which transfer?" }).max(200) });
