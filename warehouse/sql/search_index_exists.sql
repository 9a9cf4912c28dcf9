-- Has the pipeline indexed any document yet?
SELECT count(*) > 0 FROM search_lengths;
