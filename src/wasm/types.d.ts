/** Where the message will be sent from; it decides the length limits. */
export type Profile = "api" | "business-app";
/** Language of messages, help and fixes. */
export type Lang = "en" | "ru";
export type Severity = "error" | "warning" | "info";
/** A rule's configured level: `"off"` disables it, a severity replaces the rule's own. */
export type RuleLevel = "off" | "info" | "warning" | "error";
export type Category = "MARKETING" | "UTILITY" | "AUTHENTICATION";
/** The component a finding is in. */
export type ComponentName =
  "HEADER" | "BODY" | "FOOTER" | "BUTTONS" | "CAROUSEL" | "LIMITED_TIME_OFFER"
  | "CALL_PERMISSION_REQUEST" | "OTHER";

/** Options of a {@link Linter}; every field is optional. */
export interface LintOptions {
  /** `"api"` (default): Meta's limits for API templates; `"business-app"`: app broadcasts. */
  profile?: Profile;
  /** Domains the business owns (`"shop.ru"`); links elsewhere are reported. */
  ownedDomains?: string[];
  /** Language of messages (default `"en"`). */
  lang?: Lang;
  /** Rule ids to turn off (the same as `rules: { id: "off" }`; this list wins). */
  disabledRules?: string[];
  /** Per-rule levels, as in walint.toml's `[rules]`. */
  rules?: Record<string, RuleLevel>;
  /** The most findings one call lists; the rest are counted in one closing finding. */
  maxFindings?: number;
}

/** A span of a field's text: bytes of its UTF-8, UTF-16 units (JavaScript string indices:
 * `text.slice(start_utf16, end_utf16)` is the flagged text), and 1-based line/column in
 * characters. */
export interface TextRange {
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
  start_line: number;
  start_column: number;
  end_line: number;
  end_column: number;
}

/** A point of the input document: byte offset (UTF-8), 1-based line and column (characters). */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A span of the input document. For an object passed to `lint`, the document is
 * `JSON.stringify(template)`. */
export interface DocRange {
  start: Position;
  end: Position;
}

/** Replace a range of a text field (an empty `text` deletes it). */
export interface ReplaceEdit {
  kind: "replace";
  path: string;
  range: TextRange;
  text: string;
}

/** Add a component to the template's `components` array. */
export interface AddComponentEdit {
  kind: "add_component";
  path: string;
  component: TemplateComponent;
}

export type Edit = ReplaceEdit | AddComponentEdit;

/** A machine-applicable correction. */
export interface Fix {
  message: string;
  edits: Edit[];
}

/** One finding; the same fields as `walint check --format json`. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** `null` for template-level findings (name, language, category). */
  component: ComponentName | null;
  /** JSON path of the field or object, e.g. `components[1].text`. */
  path: string;
  /** The span inside the field's text, when the finding is about part of a text. */
  range: TextRange | null;
  /** The span in the input document. */
  location: DocRange | null;
  help: string | null;
  fix: Fix | null;
}

/** Counts next to the text; lengths are in UTF-16 units, the unit of Meta's limits. */
export interface Stats {
  body_length: number;
  header_length: number;
  footer_length: number;
  /** Distinct valid placeholders in the header and body. */
  placeholders: number;
  /** Links in every text of the template. */
  links: number;
  /** Emoji in the body, each sequence counted once. */
  emoji: number;
}

export type RejectionReason =
  | "INVALID_FORMAT"
  | "PROMOTIONAL"
  | "INCORRECT_CATEGORY"
  | "TAG_CONTENT_MISMATCH"
  | "ABUSIVE_CONTENT"
  | "SCAM";

/** One factor of a prediction. */
export interface PredictionReason {
  factor: string;
  message: string;
  weight: number;
  rules: string[];
  words: string[];
}

/** What Meta's review is predicted to do with the template. */
export interface Prediction {
  outcome: "approved" | "rejected" | "recategorized";
  status: "APPROVED" | "REJECTED" | "PENDING";
  flag_risk: "low" | "medium" | "high";
  category: {
    declared: Category | null;
    predicted: Category;
    probability: number;
    /** `"rules"`: decided by one of Meta's category rules; `"model"`: by the category model. */
    basis: "rules" | "model";
  };
  rejection_reason: RejectionReason | null;
  approval_probability: number;
  /** `"low"` when walint has no word list for the template's language. */
  confidence: "normal" | "low";
  reasons: PredictionReason[];
}

/** The findings for one template of the input. */
export interface TemplateReport {
  /** The template's `name`, if it has one. */
  name: string | null;
  /** Where the template is in the input (`""`, `"[2]"`, `"data[0]"`). */
  path: string;
  diagnostics: Diagnostic[];
  /** `null` until the moderation predictor fills it in. */
  prediction: Prediction | null;
  stats: Stats;
}

/** What `lint` and `lintText` return. */
export interface LintResult {
  templates: TemplateReport[];
}

/** Options of {@link Linter.lintJson}. */
export interface JsonAnswerOptions {
  /** Add `"summary": {"errors", "warnings", "infos"}` after `templates`: the findings the
   * answer lists, counted by severity. */
  summary?: boolean;
}

/** A rule, as `rules()` lists it. */
export interface RuleInfo {
  id: string;
  default_severity: Severity;
  /** One line, in the linter's language. (The full documentation is `walint explain RULE`.) */
  summary: string;
}

/** A button of a BUTTONS component (Meta's `message_templates` format). */
export interface TemplateButton {
  type?: string;
  text?: string;
  url?: string;
  phone_number?: string;
  example?: string | string[];
  [field: string]: unknown;
}

/** A component of a template (Meta's `message_templates` format). */
export interface TemplateComponent {
  type?: string;
  format?: string;
  text?: string;
  example?: Record<string, unknown>;
  buttons?: TemplateButton[];
  [field: string]: unknown;
}

/** A template in Meta's `message_templates` format (what you POST to the Graph API). */
export interface MessageTemplate {
  name?: string;
  language?: string;
  category?: string;
  parameter_format?: string;
  components?: TemplateComponent[];
  [field: string]: unknown;
}

/** What `lint` accepts: JSON text (a string, or its UTF-8 bytes in a `Uint8Array` such as a
 * Node `Buffer`), or as a plain object: one template, an array, or a `{"data": [...]}` GET
 * response. A `Map`, `Set`, `Date` or other non-plain object is refused. */
export type TemplateInput =
  | string
  | Uint8Array
  | MessageTemplate
  | MessageTemplate[]
  | { data: MessageTemplate[] };

/** What every error thrown by walint is: an `Error` with a machine-readable `code`. */
export interface WalintError extends Error {
  code:
    | "invalid_options"
    | "invalid_argument"
    | "input_too_large"
    | "lone_surrogate"
    | "unreadable_template"
    | "freed"
    | "internal";
  /** `unreadable_template`: JSON path of the offending value (`""` for syntax errors). */
  path?: string;
  /** `unreadable_template`: 1-based line and column (characters) in the input. */
  line?: number;
  column?: number;
  /** `lone_surrogate`: the UTF-16 index of the unpaired surrogate; `invalid_argument` for
   * bytes that are not UTF-8: the offset of the first invalid byte. */
  index?: number;
}
