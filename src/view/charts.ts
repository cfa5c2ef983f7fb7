// Kept so existing imports of "view/charts.ts" still resolve while other branches merge;
// new code imports src/view/charts/index.ts (one folder per chart type).
export * from './charts/index.ts';
