export default async function globalTeardown() {
  await globalThis.__grantsDatabase?.stop();
}
