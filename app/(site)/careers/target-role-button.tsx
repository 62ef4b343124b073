import { setTargetRoleAction } from "./actions";

/** Makes a role the learner's target, or clears it when it already is. Works without script. */
export function TargetRoleButton({
  roleId,
  roleName,
  isTarget,
  returnTo,
}: {
  roleId: string;
  roleName: string;
  isTarget: boolean;
  returnTo: string;
}) {
  return (
    <form action={setTargetRoleAction}>
      <input type="hidden" name="roleId" value={isTarget ? "" : roleId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {/* The role is in the visible text, not only in a label: what a sighted reader sees is
          what a speech-input user says to press it. */}
      <button type="submit" className={`button button--small${isTarget ? "" : " button--primary"}`}>
        {isTarget ? `Stop targeting ${roleName}` : `Make ${roleName} my target role`}
      </button>
    </form>
  );
}
