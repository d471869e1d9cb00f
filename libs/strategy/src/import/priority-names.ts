/**
 * The five priorities, named as in the action plan's table of contents (1–5). The Koncepce
 * listing only numbers its priorities (implicitly, through '1.A.', '2.B.13' …), so it borrows
 * these names.
 */
export const PRIORITY_NAMES: readonly string[] = ['Institucionální zázemí a infrastruktura', 'Mnohostranná spolupráce', 'Služby pro cizince', 'Vzdělávání', 'Soužití'];
