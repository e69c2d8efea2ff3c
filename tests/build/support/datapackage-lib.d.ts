/** The part of the `datapackage` package (Frictionless JS v1, untyped) the tests use as an independent reader. */
declare module 'datapackage' {
  interface Resource {
    name: string;
    tabular: boolean;
    read(options?: {
      keyed?: boolean;
      cast?: boolean;
      relations?: boolean;
    }): Promise<Array<Record<string, unknown>>>;
  }
  interface Package {
    valid: boolean;
    errors: Error[];
    resources: Resource[];
  }
  const datapackage: {
    Package: {
      load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    };
  };
  export default datapackage;
}
