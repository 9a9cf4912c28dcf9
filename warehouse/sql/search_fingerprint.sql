-- Changes when any document is added, changed or removed: the index is rebuilt only then.
SELECT count(*) || ':' || coalesce(bit_xor(hash(post_id, content_hash)), 0) FROM search_documents;
