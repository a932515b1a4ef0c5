import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef5ff", 100: "#d9e8ff", 600: "#1f5fd6", 700: "#1a4fb3", 800: "#173f8a" },
      },
      fontFamily: {
        sans: ["system-ui", "sans-serif"],
      },
    },
  },
} satisfies Config;
