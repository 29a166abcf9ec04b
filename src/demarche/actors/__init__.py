"""Stage 4: resolve mentions of people, states, organisations and places to actors."""
