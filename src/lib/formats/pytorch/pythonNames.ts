/**
 * Layer ids as Python identifiers: `conv1/7x7_s2` → `conv1_7x7_s2`, keywords and names
 * nn.Module already uses get a trailing underscore, and clashes get a number.
 */
const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(
    ' ',
  ),
);

/** nn.Module attributes and methods a layer must not shadow, plus the names the code uses. */
const TAKEN = new Set(
  'self torch nn F model out x print sum forward training eval train parameters buffers children modules state_dict load_state_dict apply cuda cpu to float double half zero_grad register_buffer register_parameter add_module named_modules named_parameters extra_repr requires_grad_ dump_patches'.split(
    ' ',
  ),
);

export function pythonIdentifier(raw: string): string {
  let id = raw.replace(/[^A-Za-z0-9_]/g, '_');
  if (id === '' || /^\d/.test(id)) id = `l_${id}`;
  if (KEYWORDS.has(id) || TAKEN.has(id)) id = `${id}_`;
  return id;
}

export class PythonNames {
  private byId = new Map<string, string>();
  private used = new Set<string>();

  of(id: string): string {
    const known = this.byId.get(id);
    if (known) return known;
    const base = pythonIdentifier(id);
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    this.byId.set(id, name);
    return name;
  }
}

/** Names a module-level class must not take: constants, and the modules the code uses. */
const CLASS_TAKEN = new Set(['None', 'True', 'False', 'F', 'nn', 'torch']);

/**
 * A CamelCase class name from the spec's name: `FCN-32s` → `FCN32s`, `tiny vgg` → `TinyVgg`.
 * Only letters, digits and underscores survive; a name that would start with a digit or an
 * underscore (`__name__` would replace the module's own), or shadow a constant or an
 * imported module, gets `Net` in front.
 */
export function pythonClassName(name: string): string {
  const parts = name.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  const joined = parts.map((p) => (p[0] ?? '').toUpperCase() + p.slice(1)).join('');
  if (joined === '') return 'Net';
  return /^[A-Za-z]/.test(joined) && !CLASS_TAKEN.has(joined) ? joined : `Net${joined}`;
}
