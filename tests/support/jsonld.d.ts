// Minimal types for the part of `jsonld` the tests use (the package ships none).
declare module 'jsonld' {
  const jsonld: {
    toRDF(input: unknown, options: { format: 'application/n-quads'; documentLoader?: (url: string) => Promise<unknown> }): Promise<string>;
  };
  export default jsonld;
}
