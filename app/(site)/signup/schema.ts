import { z } from "zod";

import { passwordProblem } from "@/lib/auth/password-policy";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-rules";

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: z.email("Enter a valid email address.").max(254),
  password: z.string().superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES[problem] });
  }),
});
