// A tiny key-value store over IndexedDB for states too large for localStorage (its ~5 MB are
// shared by every tab). Never throws and never hangs: no IndexedDB (some private modes), a
// refused quota or a blocked open all read as "not there" / "not saved".
const DB_NAME = 'sigma-playground'
const STORE = 'kv'
/** A blocked or very slow open must not hold the page's start-up. */
const OPEN_TIMEOUT_MS = 2000

let opening: Promise<IDBDatabase | undefined> | undefined

function open(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), OPEN_TIMEOUT_MS)
    const done = (db: IDBDatabase | undefined) => {
      clearTimeout(timer)
      resolve(db)
    }
    try {
      const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB
      if (!factory) return done(undefined)
      const request = factory.open(DB_NAME, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(STORE)
      request.onsuccess = () => done(request.result)
      request.onerror = () => done(undefined)
      request.onblocked = () => done(undefined)
    } catch {
      done(undefined)
    }
  })
  return opening
}

function run<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest,
  fallback: T,
  read: (request: IDBRequest) => T,
): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve) => {
        if (!db) return resolve(fallback)
        try {
          const tx = db.transaction(STORE, mode)
          const request = act(tx.objectStore(STORE))
          // Resolved on the transaction's end, so a write counts only once it is committed.
          tx.oncomplete = () => resolve(read(request))
          tx.onerror = () => resolve(fallback)
          tx.onabort = () => resolve(fallback)
        } catch {
          resolve(fallback)
        }
      }),
  )
}

export const idbAvailable = (): Promise<boolean> => open().then(Boolean)

export const idbGet = (key: string): Promise<unknown> =>
  run(
    'readonly',
    (s) => s.get(key),
    undefined,
    (r) => r.result as unknown,
  )

/** Every entry whose key starts with `prefix`, as [key, value] pairs (one transaction). */
export function idbEntries(prefix: string): Promise<[string, unknown][]> {
  let values: IDBRequest<unknown[]> | undefined
  return run(
    'readonly',
    (s) => {
      // Made here, not above: without IndexedDB there is no IDBKeyRange either.
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`)
      values = s.getAll(range)
      return s.getAllKeys(range)
    },
    [] as [string, unknown][],
    (keys) => {
      const list = keys.result as IDBValidKey[]
      const found = values?.result ?? []
      // Every key this store holds is a string (idbPut takes string keys).
      return list.map((key, i): [string, unknown] => [typeof key === 'string' ? key : '', found[i]])
    },
  )
}

/** True once the value is committed to disk. */
export const idbPut = (key: string, value: unknown): Promise<boolean> =>
  run(
    'readwrite',
    (s) => s.put(value, key),
    false,
    () => true,
  )

export const idbDelete = (key: string): Promise<boolean> =>
  run(
    'readwrite',
    (s) => s.delete(key),
    false,
    () => true,
  )
