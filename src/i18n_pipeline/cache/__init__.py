"""Results kept between runs, keyed by the digests of what produced them."""
