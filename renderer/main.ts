// Composition root (filled in by the app shell commit).
export {};
