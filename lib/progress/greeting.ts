/**
 * The dashboard's greeting. "Welcome back" only to someone with work on record (a lesson
 * visited, an exercise solved); a brand-new account has not been anywhere to come back from.
 */
export function dashboardGreeting(
  name: string,
  work: { lessonsVisited: number; exercisesSolved: number },
): string {
  const returning = work.lessonsVisited > 0 || work.exercisesSolved > 0;
  return `${returning ? "Welcome back" : "Welcome"}, ${name}`;
}
