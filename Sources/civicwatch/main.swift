print("civicwatch")
