// A tiny key-value store over IndexedDB for states too large for localStorage (its ~5 MB are
// shared by every tab). Never throws and never hangs: no IndexedDB (some private modes), a
// refused quota or a blocked open all read as "not there" / "not saved".
const DB_NAME = 'sigma-playground'
const STORE = 'kv'
/** A blocked or very slow open must not hold the page's start-up: reads stop waiting then. */
const READ_WAIT_MS = 2000
/**
 * Writes wait longer. A busy machine has taken over 2 s to open the database, and a write
 * that gave up then (and every write after it) lost large drafts, told "no IndexedDB".
 */
const WRITE_WAIT_MS = 30_000

let opening: Promise<IDBDatabase | undefined> | undefined
/** Once the open has answered, callers take its answer without a timer. */
let settled = false

function openOnce(): Promise<IDBDatabase | undefined> {
  const opened = new Promise<IDBDatabase | undefined>((resolve) => {
    try {
      const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB
      if (!factory) return resolve(undefined)
      const request = factory.open(DB_NAME, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(STORE)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => resolve(undefined)
      request.onblocked = () => resolve(undefined)
    } catch {
      resolve(undefined)
    }
  })
  void opened.then(() => (settled = true))
  return opened
}

/** The database, opened once: a caller stops waiting after `waitMs`, the open goes on. */
function open(waitMs: number): Promise<IDBDatabase | undefined> {
  opening ??= openOnce()
  if (settled) return opening
  let stopTimer = () => {}
  const gaveUp = new Promise<undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), waitMs)
    stopTimer = () => clearTimeout(timer)
  })
  return Promise.race([opening, gaveUp]).finally(() => stopTimer())
}

function run<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest,
  fallback: T,
  read: (request: IDBRequest) => T,
): Promise<T> {
  return open(mode === 'readonly' ? READ_WAIT_MS : WRITE_WAIT_MS).then(
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

export const idbAvailable = (): Promise<boolean> => open(WRITE_WAIT_MS).then(Boolean)

export const idbGet = (key: string): Promise<unknown> =>
  run(
    'readonly',
    (s) => s.get(key),
    undefined,
    (r) => r.result as unknown,
  )

/** Every key that starts with `prefix` (made on use: without IndexedDB there is no IDBKeyRange). */
const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`)

/** Every entry whose key starts with `prefix`, as [key, value] pairs (one transaction). */
export function idbEntries(prefix: string): Promise<[string, unknown][]> {
  let values: IDBRequest<unknown[]> | undefined
  return run(
    'readonly',
    (s) => {
      const keys = range(prefix)
      values = s.getAll(keys)
      return s.getAllKeys(keys)
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

/** Deletes `key` and every key under `prefix` in one transaction: all of it, or none. */
export const idbDeleteWith = (key: string, prefix: string): Promise<boolean> =>
  run(
    'readwrite',
    (s) => {
      s.delete(key)
      return s.delete(range(prefix))
    },
    false,
    () => true,
  )

/**
 * Deletes every key under `clear`, then puts `entries` in order, all in one transaction: true
 * once all of it is committed, and none of it is when a part fails. Each put waits for the one
 * before, in a task of its own: a value is serialized on the calling thread, and megabytes put
 * at once would freeze the page for as long.
 */
export const idbPutInSteps = (
  entries: readonly [string, unknown][],
  clear: string,
): Promise<boolean> =>
  run(
    'readwrite',
    (store) => {
      const put = (i: number) => {
        const entry = entries[i]
        if (!entry) return
        try {
          store.put(entry[1], entry[0]).onsuccess = () => put(i + 1)
        } catch {
          store.transaction.abort()
        }
      }
      const cleared = store.delete(range(clear))
      put(0)
      return cleared
    },
    false,
    () => true,
  )
