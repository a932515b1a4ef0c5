export * from "./types";
export { priceCart, type PriceOptions } from "./price";
export { evaluateCart, type Breach } from "./rules";
export { termMonths, validTerm, sameTerm } from "./terms";
export { termLabel, nameOf, pricingTranslator, type PricingMessages } from "./messages";
