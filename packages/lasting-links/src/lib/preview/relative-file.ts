/** A file name that stays inside the folder it is relative to. */
export function isSafeRelativeFile(file: string): boolean {
  return (
    file !== '' &&
    !file.startsWith('/') &&
    !/[\\\0]/.test(file) &&
    file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}
