//! Reading an input, and writing a fixed file back without ever leaving it half-written.

use super::discover::{io_message, not_regular, Input};
use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::Path;
use std::time::SystemTime;
use walint::Msg;

/// Largest file the CLI reads (a `{"data": [...]}` dump of 6,000 templates is about 6 MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file as it was read: its text, and what it looked like on disk then (to notice a change
/// before writing fixes over it).
pub struct Contents {
    pub source: String,
    pub stamp: Option<Stamp>,
}

/// Size and modification time of a file when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(m: &Metadata) -> Stamp {
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        }
    }
}

/// Reads an input as UTF-8 text, refusing what is not a regular file (a FIFO would block),
/// larger than [`MAX_FILE_BYTES`], or not UTF-8. The error is a message without the path.
pub fn read(input: &Input) -> Result<Contents, Msg> {
    let mut bytes = Vec::new();
    let stamp = match input {
        Input::Stdin => {
            std::io::stdin()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| io_message(&e))?;
            None
        }
        Input::File(p) => {
            // Checked before opening: opening a FIFO for reading waits for a writer.
            let before = std::fs::metadata(p).map_err(|e| io_message(&e))?;
            if !before.is_file() {
                return Err(not_regular());
            }
            let file = File::open(p).map_err(|e| io_message(&e))?;
            let meta = file.metadata().map_err(|e| io_message(&e))?;
            if !meta.is_file() {
                return Err(not_regular());
            }
            if meta.len() > MAX_FILE_BYTES {
                return Err(too_large());
            }
            bytes.reserve_exact(meta.len() as usize);
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| io_message(&e))?;
            Some(Stamp::of(&meta))
        }
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let source = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Msg::new(
            format!("not UTF-8 text (invalid byte at offset {at})"),
            format!("это не текст UTF-8 (неверный байт на позиции {at})"),
        )
    })?;
    Ok(Contents { source, stamp })
}

fn too_large() -> Msg {
    let mib = MAX_FILE_BYTES >> 20;
    Msg::new(
        format!("larger than the {mib} MiB limit"),
        format!("больше предела в {mib} МиБ"),
    )
}

/// Replaces the contents of `path` with `contents` atomically: a temporary file in the same
/// folder is written, flushed to disk and renamed over the file, so that a full disk or a
/// crash leaves the old file whole. The file keeps its permissions; a symbolic link keeps
/// pointing at the file it pointed at, which gets the new contents. Refuses a read-only file
/// (the rename would replace it all the same), and a file that changed since it was read
/// (`read`: an editor saved it meanwhile).
pub fn replace(path: &Path, contents: &str, read: Option<Stamp>) -> Result<(), Msg> {
    let target = std::fs::canonicalize(path).map_err(|e| io_message(&e))?;
    let folder = target
        .parent()
        .ok_or_else(|| Msg::new("the file has no folder", "у файла нет папки"))?;
    let original = std::fs::metadata(&target).map_err(|e| io_message(&e))?;
    if original.permissions().readonly() {
        return Err(Msg::new("the file is read-only", "файл только для чтения"));
    }
    if read.is_some_and(|r| r != Stamp::of(&original)) {
        return Err(Msg::new(
            "the file changed while walint was fixing it; run walint again",
            "файл изменился, пока walint его исправлял; запустите walint ещё раз",
        ));
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".walint-fix-")
        .tempfile_in(folder)
        .map_err(|e| {
            let reason = io_message(&e);
            Msg::new(
                format!("cannot create a temporary file: {}", reason.en),
                format!("не удалось создать временный файл: {}", reason.ru),
            )
        })?;
    temp.write_all(contents.as_bytes())
        .and_then(|()| temp.as_file().set_permissions(original.permissions()))
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| io_message(&e))?;
    temp.persist(&target).map_err(|e| io_message(&e.error))?;
    // The rename itself reaches the disk when the folder is flushed (best effort: not every
    // system can open a folder).
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replace_keeps_permissions_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.json");
        fs::write(&file, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            let stamp = read(&Input::File(link.clone())).unwrap().stamp;
            replace(&link, "new", stamp).unwrap();
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read_to_string(&file).unwrap(), "new");
            let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().starts_with(".walint"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn replace_refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.json");
        fs::write(&file, "old").unwrap();
        let stamp = read(&Input::File(file.clone())).unwrap().stamp;
        fs::write(&file, "changed by someone else").unwrap();
        let e = replace(&file, "new", stamp).unwrap_err();
        assert!(e.en.contains("changed"), "{}", e.en);
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "changed by someone else"
        );
    }

    #[test]
    fn a_failed_write_leaves_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.json");
        fs::write(&file, "old").unwrap();
        // The temporary file cannot be created in a folder that is gone.
        let e = replace(&dir.path().join("gone/t.json"), "new", None).unwrap_err();
        assert_eq!(e.en, "no such file or directory");
        assert_eq!(fs::read_to_string(&file).unwrap(), "old");
    }

    #[test]
    fn reads_refuse_what_is_not_text() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.json");
        fs::write(&file, b"{\"a\": \"\xff\"}").unwrap();
        assert_eq!(
            read(&Input::File(file)).err().unwrap().en,
            "not UTF-8 text (invalid byte at offset 7)"
        );
    }
}
