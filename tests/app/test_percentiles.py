from app.percentiles import percentiles


def test_nearest_rank_and_the_empty_case():
    assert percentiles([]) == {"count": 0, "p50": None, "p90": None, "p99": None, "max": None}
    got = percentiles(float(v) for v in range(1, 101))
    assert got == {"count": 100, "p50": 50.0, "p90": 90.0, "p99": 99.0, "max": 100.0}
    assert percentiles([7.04])["p99"] == 7.0
