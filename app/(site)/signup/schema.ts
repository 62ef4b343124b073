import { z } from "zod";

import { PASSWORD_RULES } from "@/lib/auth/password-rules";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: z.email("Enter a valid email address.").max(254),
  password: z
    .string()
    .min(PASSWORD_RULES.minLength, `Use at least ${PASSWORD_RULES.minLength} characters.`)
    .max(PASSWORD_RULES.maxLength, `Use at most ${PASSWORD_RULES.maxLength} characters.`),
});
