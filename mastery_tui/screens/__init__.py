"""One file per screen: compose, bind keys, call the domain and the store."""
