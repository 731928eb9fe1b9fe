/** Input limits shared by the interview DTOs and the messages that cite them. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const TIME_LIMIT_MIN = 1;
export const TIME_LIMIT_MAX = 600;
/** Items per interview; a draw rule counts once however many questions it draws. */
export const MAX_ITEMS = 50;
export const DRAW_COUNT_MAX = 20;
export const WEIGHT_MAX = 100;
export const POINTS_MAX = 1000;
export const DEFAULT_WEIGHT = 1;
export const DEFAULT_POINTS = 10;
export const SEED_MAX = 200;
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_MAX = 100;
