/** A user-facing message as a key and its values, translated where it is shown. */
import type { MessageKey, MessageVars } from '../../lib/i18n';

export interface Notice {
  key: MessageKey;
  vars?: MessageVars;
}

export class NoticeError extends Error {
  constructor(readonly notice: Notice) {
    super(notice.key);
  }
}
