/** Whether a process with this id is alive (a signal 0 reaches it): a browser's, after its printer was closed. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
