// Placeholder: the Electron shell lands in its own commit.
export {};
