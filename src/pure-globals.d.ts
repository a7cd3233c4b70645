// The few host globals the pure modules use; Node 20, workers and browsers all provide them.
declare function atob(data: string): string
declare function btoa(data: string): string
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: ArrayBufferView | ArrayBuffer): string
}
