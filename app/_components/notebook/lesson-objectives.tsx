/** A lesson's "You will be able to" list, under its title (the lesson page and its preview). */
export function LessonObjectives({ objectives }: { objectives: readonly string[] }) {
  return (
    <section className="objectives" aria-labelledby="objectives-title">
      <h2 id="objectives-title">You will be able to</h2>
      <ul>
        {objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
    </section>
  );
}
